// ESLint flat config: TypeScript, the rules of hooks and Next's own rules.
// Formatting is Prettier's job (npm run format); nothing here argues with it.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      ".test-results/**",
      "lib/generated/**",
      "tools/**",
      ".tools/**",
      "backups/**",
      "playwright-report/**",
      "test-results/**",
      "bench-results/**",
      "next-env.d.ts",
      "public/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "@typescript-eslint/consistent-type-imports": ["warn", { fixStyle: "inline-type-imports" }],
      "no-control-regex": "off",
    },
  },
  {
    // #14: a page or component formats in its reader's language and household's
    // clock (useFormat / getFormat), never with lib/format.ts's British defaults.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/format",
              importNames: [
                "formatClock",
                "clockIn",
                "shortClockIn",
                "dayTimeIn",
                "longDayTimeIn",
                "shortDay",
                "longDay",
                "weekdayName",
                "monthName",
                "longDate",
                "shortDateIn",
                "relativeDay",
                "rangeLabel",
                "isoWeekdayName",
                "durationWords",
                "durationShort",
                "minutesText",
                "listNames",
                "ordinal",
              ],
              message:
                "Format with useFormat() (client) or await getFormat() (server): the reader's language and the household's clock.",
            },
          ],
        },
      ],
      // The browser draws <input type="time"> in its own language's clock (decision 0035).
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXAttribute[name.name='type'][value.value='time']",
          message: "Use ClockField (components/ui/clock-field.tsx): it shows the household's clock.",
        },
      ],
    },
  },
);
