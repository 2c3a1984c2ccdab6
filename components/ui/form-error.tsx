import { AlertIcon } from "@/components/ui/icons";

/**
 * The form-level error. Next.js adds its own `role="alert"` route announcer to
 * every page, so tests find this one by its test id (or inside the form).
 * The region is always present, so screen readers announce what appears in it.
 */
export function FormError({ message, testId = "form-error" }: { message?: string; testId?: string }) {
  return (
    <div role="alert" aria-atomic="true" data-testid={testId} className={message ? "notice notice-error" : undefined}>
      {message ? (
        <>
          <AlertIcon />
          <span>{message}</span>
        </>
      ) : null}
    </div>
  );
}
