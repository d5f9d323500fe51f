/**
 * The OpenAPI 3.1 description of the public read API, written by hand as a typed object (no
 * OpenAPI package is installed). A test checks every path has operations with responses, every
 * $ref resolves, and every route handler under app/api/v1 is described here and vice versa.
 */

type TSchema = Record<string, unknown>;
type TParam =
  | { $ref: string }
  | {
      name: string;
      in: "path" | "query";
      required?: boolean;
      description: string;
      schema: TSchema;
    };
interface TOperation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: TParam[];
  responses: Record<
    string,
    | { $ref: string }
    | {
        description: string;
        headers?: Record<string, unknown>;
        content?: Record<string, { schema: TSchema }>;
      }
  >;
}
export interface TOpenApiDocument {
  openapi: "3.1.0";
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier?: string; url?: string };
  };
  servers: Array<{ url: string }>;
  paths: Record<string, { get: TOperation; options?: TOperation }>;
  components: {
    schemas: Record<string, TSchema>;
    parameters: Record<string, TParam>;
    responses: Record<string, unknown>;
    headers: Record<string, unknown>;
  };
}

const ref = (
  kind: "schemas" | "parameters" | "responses" | "headers",
  name: string,
) => ({ $ref: `#/components/${kind}/${name}` });
const nullable = (type: string) => ({ type: [type, "null"] });
const ok = (schema: TSchema, description: string) => ({
  description,
  headers: {
    ETag: ref("headers", "ETag"),
    "Cache-Control": ref("headers", "CacheControl"),
    "Access-Control-Allow-Origin": ref("headers", "AllowOrigin"),
  },
  content: { "application/json": { schema } },
});
const page = (item: string) => ({
  allOf: [
    ref("schemas", "ReleaseMeta"),
    {
      type: "object",
      required: ["data", "pagination"],
      properties: {
        data: { type: "array", items: ref("schemas", item) },
        pagination: ref("schemas", "Pagination"),
      },
    },
  ],
});
const errors = {
  "304": ref("responses", "NotModified"),
  "400": ref("responses", "BadRequest"),
  "404": ref("responses", "NotFound"),
};
const releaseParams: TParam[] = [
  ref("parameters", "council"),
  ref("parameters", "version"),
];
const paging: TParam[] = [
  ref("parameters", "limit"),
  ref("parameters", "offset"),
  ref("parameters", "cursor"),
];
const q = (name: string, description: string, type = "string"): TParam => ({
  name,
  in: "query",
  description,
  schema: { type },
});

export const OPENAPI_DOCUMENT: TOpenApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Local SPI public API",
    version: "1.0.0",
    description:
      "Read-only access to councils' published ward-level Social Progress Indices. No account needed. Only published releases are visible. " +
      "Numbered release URLs never change and may be cached for ever; `latest` follows the newest release. Every response carries an ETag: send it back in If-None-Match for a 304. " +
      "Errors are application/problem+json (RFC 9457). CORS is open (GET and OPTIONS).",
    license: { name: "Open Government Licence v3.0", identifier: "OGL-UK-3.0" },
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    "/councils": {
      get: {
        operationId: "listCouncils",
        summary: "Councils with at least one published release",
        tags: ["councils"],
        responses: {
          "200": ok(
            {
              type: "object",
              required: ["data"],
              properties: {
                data: { type: "array", items: ref("schemas", "Council") },
              },
            },
            "The councils",
          ),
          "304": ref("responses", "NotModified"),
          "400": ref("responses", "BadRequest"),
        },
      },
    },
    "/councils/{council}/releases": {
      get: {
        operationId: "listReleases",
        summary: "A council's published releases, newest first",
        tags: ["releases"],
        parameters: [ref("parameters", "council")],
        responses: {
          "200": ok(
            {
              type: "object",
              required: ["council", "data"],
              properties: {
                council: ref("schemas", "CouncilRef"),
                data: {
                  type: "array",
                  items: ref("schemas", "ReleaseSummary"),
                },
              },
            },
            "The releases",
          ),
          ...errors,
        },
      },
    },
    "/councils/{council}/releases/{version}": {
      get: {
        operationId: "getRelease",
        summary: "One published release with its framework, weights and wards",
        tags: ["releases"],
        parameters: releaseParams,
        responses: {
          "200": ok(
            {
              allOf: [
                ref("schemas", "ReleaseMeta"),
                {
                  type: "object",
                  properties: {
                    framework: { type: "object" },
                    weights: {
                      type: "object",
                      additionalProperties: {
                        type: "object",
                        additionalProperties: { type: "number" },
                      },
                    },
                    wards: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          code: { type: "string" },
                          name: { type: "string" },
                          population: nullable("integer"),
                        },
                      },
                    },
                  },
                },
              ],
            },
            "The release",
          ),
          ...errors,
        },
      },
    },
    "/councils/{council}/releases/{version}/scores": {
      get: {
        operationId: "listScores",
        summary:
          "Index, dimension and component scores and ranks by ward and year",
        tags: ["data"],
        parameters: [
          ...releaseParams,
          q("area", "ONS GSS ward code, e.g. E05000026"),
          q("period", "Year", "integer"),
          {
            name: "level",
            in: "query",
            description: "Level of the score",
            schema: {
              type: "string",
              enum: ["index", "dimension", "component"],
            },
          },
          q("code", "Framework code, or `index`"),
          ...paging,
        ],
        responses: { "200": ok(page("Score"), "A page of scores"), ...errors },
      },
    },
    "/councils/{council}/releases/{version}/indicator-values": {
      get: {
        operationId: "listIndicatorValues",
        summary:
          "Indicator values (as the run used them), units, scores and flags",
        tags: ["data"],
        parameters: [
          ...releaseParams,
          q("area", "ONS GSS ward code"),
          q("indicator", "Indicator code"),
          q("period", "Year", "integer"),
          ...paging,
        ],
        responses: {
          "200": ok(page("IndicatorValue"), "A page of indicator values"),
          ...errors,
        },
      },
    },
    "/councils/{council}/releases/{version}/aggregates": {
      get: {
        operationId: "listAggregates",
        summary:
          "Population-weighted aggregates of the release (e.g. the borough)",
        tags: ["data"],
        parameters: [
          ...releaseParams,
          q("area", "Code of the aggregate area"),
          q("period", "Year", "integer"),
          {
            name: "method",
            in: "query",
            description: "Aggregation method",
            schema: { type: "string", enum: ["score", "indicator"] },
          },
          ...paging,
        ],
        responses: {
          "200": ok(page("Aggregate"), "A page of aggregates"),
          ...errors,
        },
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApi",
        summary: "This document",
        tags: ["meta"],
        responses: {
          "200": ok({ type: "object" }, "The OpenAPI 3.1 document"),
          "304": ref("responses", "NotModified"),
        },
      },
    },
  },
  components: {
    parameters: {
      council: {
        name: "council",
        in: "path",
        required: true,
        description: "Council slug, e.g. barking-and-dagenham",
        schema: { type: "string", pattern: "^[a-z0-9-]+$" },
      },
      version: {
        name: "version",
        in: "path",
        required: true,
        description: "Release number, or `latest`",
        schema: {
          oneOf: [
            { type: "integer", minimum: 1 },
            { type: "string", const: "latest" },
          ],
        },
      },
      limit: {
        name: "limit",
        in: "query",
        description: "Rows per page, 1–1000 (default 100)",
        schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 },
      },
      offset: {
        name: "offset",
        in: "query",
        description: "Rows to skip (or use `cursor`)",
        schema: { type: "integer", minimum: 0, default: 0 },
      },
      cursor: {
        name: "cursor",
        in: "query",
        description:
          "Opaque cursor from `pagination.next` of the previous page",
        schema: { type: "string" },
      },
    },
    headers: {
      ETag: {
        description: "Strong validator of the body; send in If-None-Match",
        schema: { type: "string" },
      },
      CacheControl: {
        description:
          "`public, max-age=31536000, immutable` for numbered releases; `public, max-age=300` otherwise",
        schema: { type: "string" },
      },
      AllowOrigin: {
        description: "Always `*`",
        schema: { type: "string", const: "*" },
      },
    },
    responses: {
      NotModified: {
        description: "The client's copy (If-None-Match) is current",
      },
      BadRequest: {
        description:
          "A query parameter is unknown, repeated or invalid; `parameter` names it",
        content: {
          "application/problem+json": { schema: ref("schemas", "Problem") },
        },
      },
      NotFound: {
        description: "No such council or published release",
        content: {
          "application/problem+json": { schema: ref("schemas", "Problem") },
        },
      },
    },
    schemas: {
      Problem: {
        type: "object",
        required: ["title", "status", "detail"],
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          detail: { type: "string" },
          parameter: { type: "string" },
        },
      },
      CouncilRef: {
        type: "object",
        required: ["slug", "name", "laCode"],
        properties: {
          slug: { type: "string" },
          name: { type: "string" },
          laCode: { type: "string" },
        },
      },
      Council: {
        allOf: [
          ref("schemas", "CouncilRef"),
          {
            type: "object",
            properties: {
              latestVersion: { type: "integer" },
              latestPublishedAt: { type: "string", format: "date-time" },
              releaseCount: { type: "integer" },
              links: { type: "object" },
            },
          },
        ],
      },
      ReleaseSummary: {
        type: "object",
        required: ["version", "title", "publishedAt"],
        properties: {
          version: { type: "integer" },
          title: { type: "string" },
          state: {
            type: "string",
            enum: ["approved", "superseded"],
            description:
              "`superseded` once a published release corrects it (`supersededByVersion`); until then `approved`",
          },
          publishedAt: { type: "string", format: "date-time" },
          periods: { type: "array", items: { type: "integer" } },
          framework: { type: "object" },
          isLatest: {
            type: "boolean",
            description: "Whether this is the newest published release",
          },
          supersededByVersion: {
            ...nullable("integer"),
            description:
              "The published release that corrects this one, or null",
          },
          links: { type: "object" },
        },
      },
      ReleaseMeta: {
        type: "object",
        required: ["council", "release"],
        description:
          "The release a response comes from. Only facts that never change, since versioned responses are cached forever: whether it has been superseded since is in the release list (`release.links.releases`).",
        properties: {
          council: ref("schemas", "CouncilRef"),
          release: ref("schemas", "ReleaseSummary"),
        },
      },
      Pagination: {
        type: "object",
        required: ["total", "limit", "offset", "returned", "next"],
        properties: {
          total: { type: "integer" },
          limit: { type: "integer" },
          offset: { type: "integer" },
          returned: { type: "integer" },
          next: {
            ...nullable("string"),
            description: "URL of the next page, or null",
          },
        },
      },
      Score: {
        type: "object",
        required: ["area", "period", "level", "code", "score", "rank"],
        properties: {
          area: { type: "string" },
          areaName: nullable("string"),
          period: { type: "integer" },
          level: { type: "string", enum: ["index", "dimension", "component"] },
          code: { type: "string" },
          score: {
            ...nullable("number"),
            description: "0–100, higher is better",
          },
          rank: { ...nullable("integer"), description: "1 is best" },
        },
      },
      IndicatorValue: {
        type: "object",
        required: ["area", "indicator", "period", "value", "score", "flags"],
        properties: {
          area: { type: "string" },
          areaName: nullable("string"),
          indicator: { type: "string" },
          period: { type: "integer" },
          value: nullable("number"),
          unit: nullable("string"),
          score: nullable("number"),
          flags: {
            type: "array",
            items: {
              type: "string",
              enum: ["carried", "imputed", "clampedUtopia", "clampedDystopia"],
            },
          },
        },
      },
      Aggregate: {
        type: "object",
        required: ["method", "area", "period"],
        properties: {
          method: { type: "string", enum: ["score", "indicator"] },
          area: { type: "string" },
          period: { type: "integer" },
          members: { type: "integer" },
          population: { type: "number" },
          index: nullable("number"),
          dimensions: {
            type: "object",
            additionalProperties: nullable("number"),
          },
          components: {
            type: "object",
            additionalProperties: nullable("number"),
          },
          indicators: {
            type: "object",
            additionalProperties: nullable("number"),
          },
          reasons: { type: "object", additionalProperties: { type: "string" } },
        },
      },
    },
  },
};
