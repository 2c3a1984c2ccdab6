import { useTranslations } from "next-intl";

/** "Step 2 of 3", with a small progress bar drawn beside it for sighted readers. */
export function StepIndicator({ step, total = 3 }: { step: number; total?: number }) {
  const t = useTranslations("shell");
  return (
    <div>
      <p className="steps-indicator" data-testid="step-indicator">
        {t("step", { step, total })}
      </p>
      <div className="progress" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <span key={i} data-done={i < step} />
        ))}
      </div>
    </div>
  );
}
