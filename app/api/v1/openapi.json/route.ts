import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

/** The API's OpenAPI 3.1 document: public, it describes the API and holds no household's data. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=3600" } });
}
