import { z } from "zod";
import { NotFoundError } from "./errors.ts";

const uuid = z.uuid();

/** An id from a URL or form: anything but a UUID cannot exist, so it is "not found" (not a 500). */
export function parseId(value: unknown, entity: string): string {
  const parsed = uuid.safeParse(value);
  if (!parsed.success) throw new NotFoundError(entity);
  return parsed.data;
}
