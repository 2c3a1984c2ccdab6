-- CreateTable
CREATE TABLE "csp_reports" (
    "id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "directive" VARCHAR(100) NOT NULL,
    "blocked_uri" VARCHAR(1000) NOT NULL,
    "document_uri" VARCHAR(1000) NOT NULL,
    "source_file" VARCHAR(1000),
    "line" INTEGER,
    "sample" VARCHAR(200),
    "disposition" VARCHAR(20) NOT NULL,

    CONSTRAINT "csp_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "csp_reports_created_at_idx" ON "csp_reports"("created_at");
