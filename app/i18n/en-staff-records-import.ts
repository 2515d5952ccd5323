import type { deStaffRecordsImport } from "./de-staff-records-import.ts";

/** English texts of taking in a Berichtsheft from another company (spread into en-staff.ts). */
export const enStaffRecordsImport: Record<keyof typeof deStaffRecordsImport, string> = {
  "records.import.title": "Take in a training record",
  "records.import.heading": "Take in the training record of {name}",
  "records.import.lead":
    "Has {name} changed company? Then you can take in the training record (Berichtsheft) from the old company here. Approved weeks stay approved and can still be checked.",
  "records.import.how":
    "The apprentice downloads the file at the old company under “Berichtsheft” as a JSON file. It is theirs and they may download it at any time.",
  "records.import.back": "Back to the training record",
  "records.import.file": "File with the training record (.json)",
  "records.import.fileHint":
    "At most 5 MB. Only approved weeks from before this apprenticeship are taken in. Werkbank checks that the file is consistent in itself; it cannot confirm that the old company really approved the weeks as they are – if in doubt, compare the checksum of the last week with the old company.",
  "records.import.submit": "Check and take in",
  "records.import.doneTitle": "Training record taken in",
  "records.import.from": "From the training record of {name} at {company}.",
  "records.import.done.one": "1 approved week taken in.",
  "records.import.done.other": "{count} approved weeks taken in.",
  "records.import.leftOut.one": "1 week was not approved yet. It was not taken in.",
  "records.import.leftOut.other": "{count} weeks were not approved yet. They were not taken in.",
  "records.import.already": "This training record has been taken in here already. Nothing was changed.",
  "records.import.week": "CW {week}/{year} (from {date})",
  "records.import.error.noFile": "Please choose a file.",
  "records.import.error.tooLarge": "The file is larger than 5 MB.",
  "records.import.error.notJson":
    "This is not a training record file. Take the JSON file Werkbank made when it was downloaded.",
  "records.import.error.notRecord": "The file is not a complete training record from Werkbank.",
  "records.import.error.newerVersion":
    "The file comes from a newer version of Werkbank. This Werkbank cannot read it yet.",
  "records.import.error.noApprovedWeeks": "The file holds no approved week. There is nothing to take in.",
  "records.import.error.chainBroken":
    "The week {week} no longer matches its approval: the file was changed. Nothing was taken in.",
  "records.import.error.leftOutApproval":
    "The week {week} was reopened after its approval and not approved again. Without it the later weeks cannot be checked. The old company must approve it again first. Nothing was taken in.",
  "records.import.error.notBefore":
    "The week {week} is not before the start of this apprenticeship. Only weeks from before it are taken in. Nothing was taken in.",
  "records.import.error.otherPerson": "The file is the training record of another person. Nothing was taken in.",
  "records.import.error.weekTaken": "There already is a sheet for the week {week} here. Nothing was taken in.",
};
