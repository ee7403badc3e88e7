import { z } from 'zod';

/** What the canned-response routes answer; the OpenAPI document is written from these schemas. */
export const cannedResponseSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string().meta({ description: 'The template; placeholders {practiceName} and {staffFirstName}' }),
  createdBy: z.uuid().meta({ description: 'The staff user who added it' }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const cannedResponseExample = {
  id: '2f3e4d5c-6b7a-4898-a7b6-c5d4e3f2a1b0',
  title: 'Running late',
  body: 'Hi, this is {staffFirstName} from {practiceName}: we are running about 15 minutes late today.',
  createdBy: '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d',
  createdAt: '2026-02-27T09:12:44.001Z',
  updatedAt: '2026-02-27T09:12:44.001Z',
} satisfies z.input<typeof cannedResponseSchema>;

export const cannedResponseListSchema = z.object({
  data: z.array(cannedResponseSchema).max(500).meta({ description: 'By title; at most 500' }),
});

export const renderedCannedResponseSchema = z.object({
  id: z.uuid(),
  text: z.string().meta({ description: "The template with the practice's name and the caller's first name" }),
});
