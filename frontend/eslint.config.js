import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // The API types are generated from the OpenAPI schema (`make docs`), not written by hand.
  { ignores: ["dist", "node_modules", "e2e-artifacts", "playwright-report", "test-results", "src/api/schema.generated.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Accessibility of the JSX itself (labels, alt text, roles, keyboard handlers); axe-core checks the rendered pages.
  jsxA11y.flatConfigs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
);
