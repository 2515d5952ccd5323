import { z } from "zod";

/** "Als erledigt markieren" and its undo. */
export const MarkLessonSchema = z.object({ intent: z.enum(["done", "open"]) });
