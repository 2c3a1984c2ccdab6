import { describe } from "vitest";

// test/authz/coverage.test.ts reads these names from the test files: every
// exported server action and route handler must appear in one of them.
export function describeAction(name: string, body: () => void) {
  describe(`action ${name}`, body);
}

export function describeRoute(methodAndPath: string, body: () => void) {
  describe(`route ${methodAndPath}`, body);
}
