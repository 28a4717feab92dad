import { z } from "zod";
import { practiceParams } from "../shared";

export const clientParams = practiceParams.extend({ id: z.string().describe("the client id") });
export const clientCardParams = clientParams.extend({ cardId: z.string().describe("the saved card id") });
