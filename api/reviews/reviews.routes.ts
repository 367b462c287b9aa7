import { z } from "@hono/zod-openapi";
import { defineRoute } from "../lib/route.ts";
import { errorResponses } from "../lib/errors.ts";
import * as s from "./reviews.schemas.ts";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, ...json(schema) } });
const ReviewParams = z.object({
  reviewId: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: "reviewId", in: "path" } }),
});
const tags = ["Directiebeoordeling"];
const one = (description: string) => ({ description, ...json(z.object({ review: s.ManagementReviewSchema })) });

export const listManagementReviews = defineRoute({
  method: "get",
  path: "/management-reviews",
  operationId: "listManagementReviews",
  permission: "quality:read",
  tags,
  summary: "Directiebeoordelingen: per reeks de laatste versie, met alle versies",
  responses: {
    200: { description: "Directiebeoordelingen", ...json(z.object({ reviews: z.array(s.ReviewListItemSchema) })) },
    ...errorResponses(401, 403),
  },
});
export const createManagementReview = defineRoute({
  method: "post",
  path: "/management-reviews",
  operationId: "createManagementReview",
  permission: "review:write",
  tags,
  summary: "Directiebeoordeling starten als concept, met de twaalf verplichte inputs (9.3.2) vooraf ingevuld",
  request: body(s.NewReviewSchema),
  responses: { 201: one("Aangemaakt"), ...errorResponses(400, 401, 403) },
});
export const getManagementReview = defineRoute({
  method: "get",
  path: "/management-reviews/{reviewId}",
  operationId: "getManagementReview",
  permission: "quality:read",
  tags,
  summary: "Eén directiebeoordeling, met wat nog ontbreekt om haar definitief te maken",
  request: { params: ReviewParams },
  responses: { 200: one("Directiebeoordeling"), ...errorResponses(401, 403, 404) },
});
export const updateManagementReview = defineRoute({
  method: "patch",
  path: "/management-reviews/{reviewId}",
  operationId: "updateManagementReview",
  permission: "review:write",
  tags,
  summary: "Concept bijwerken: datum, beoordelingen per input, besluiten, of de vooraf ingevulde gegevens verversen",
  request: { params: ReviewParams, ...body(s.ReviewUpdateSchema) },
  responses: { 200: one("Bijgewerkt"), ...errorResponses(400, 401, 403, 404, 409) },
});
export const finalizeManagementReview = defineRoute({
  method: "post",
  path: "/management-reviews/{reviewId}/finalize",
  operationId: "finalizeManagementReview",
  permission: "review:finalize",
  tags,
  summary: "Definitief maken (directie); besluiten met eigenaar en streefdatum worden verbeteracties",
  request: { params: ReviewParams },
  responses: { 200: one("Definitief"), ...errorResponses(401, 403, 404, 409, 422) },
});
export const correctManagementReview = defineRoute({
  method: "post",
  path: "/management-reviews/{reviewId}/corrections",
  operationId: "correctManagementReview",
  permission: "review:finalize",
  tags,
  summary: "Correctie op een definitieve versie: een nieuwe conceptversie; de definitieve versie blijft ongewijzigd",
  request: { params: ReviewParams, ...body(s.CorrectionSchema) },
  responses: { 201: one("Nieuwe versie"), ...errorResponses(400, 401, 403, 404, 409) },
});
