import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpdateItemRequest } from '../kinship/schema.js';
import { UpdateCriterionRequest } from '../readiness/schema.js';
import { UpdateMilestoneRequest } from '../workstreams/milestone.js';
import { EMPTY_PATCH_MESSAGE, patchOf } from './patch.js';

describe('patchOf', () => {
  const Create = z.object({ name: z.string().trim().min(1), tags: z.array(z.string()).default([]), note: z.string().nullable().default(null) }).strict();
  const Patch = patchOf(Create);

  it('when a field is left out, no default fills it', () => {
    expect(Patch.parse({ name: ' A ' })).toEqual({ name: 'A' });
  });

  it('when a field is sent, it is checked as on create', () => {
    expect(Patch.safeParse({ name: '' }).success).toBe(false);
    expect(Patch.parse({ note: null })).toEqual({ note: null });
  });

  it('when the body is empty or has unknown fields, it is refused', () => {
    expect(Patch.safeParse({}).error?.issues.map((i) => i.message)).toEqual([EMPTY_PATCH_MESSAGE]);
    expect(Patch.safeParse({ name: 'A', extra: 1 }).success).toBe(false);
  });
});

describe('the PATCH schemas', () => {
  it.each([
    ['kinship item', UpdateItemRequest, { title: 'New title' }],
    ['milestone', UpdateMilestoneRequest, { dueDate: '2027-01-31' }],
    ['criterion', UpdateCriterionRequest, { title: 'New title' }],
  ] as const)('when a %s PATCH sends one field, the parsed body has that field only', (_name, schema, body) => {
    expect((schema as z.ZodType).parse(body)).toEqual(body);
    expect((schema as z.ZodType).safeParse({}).success).toBe(false);
  });
});
