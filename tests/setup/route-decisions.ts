/** Every access decision, by area: the route-access and hostile-forms tests read the same list. */
import { authoringDecisions } from "./route-decisions-authoring.ts";
import { classDecisions } from "./route-decisions-classes.ts";
import { learningDecisions } from "./route-decisions-learning.ts";
import { operatorDecisions } from "./route-decisions-operator.ts";
import { orgDecisions } from "./route-decisions-orgs.ts";
import { peopleDecisions } from "./route-decisions-people.ts";
import { publicDecisions } from "./route-decisions-public.ts";
import { recordDecisions } from "./route-decisions-records.ts";
import { recordJsonDecisions } from "./route-decisions-records-json.ts";
import type { Decisions } from "./route-expectations.ts";

export const decisionParts: Decisions[] = [
  publicDecisions,
  learningDecisions,
  authoringDecisions,
  orgDecisions,
  operatorDecisions,
  peopleDecisions,
  classDecisions,
  recordDecisions,
  recordJsonDecisions,
];
