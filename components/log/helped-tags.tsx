"use client";

import { useTranslations } from "next-intl";
import { HELPED_OPTIONS, inListOrder } from "@/lib/log/helped";
import styles from "@/components/log/log.module.css";
import { useText } from "@/components/use-text";

/**
 * What helped, as big toggle buttons (aria-pressed), posted as one `helped`
 * field per choice (a multi-select; the server reads it as a list).
 * Controlled, so the caller keeps the choice across refreshes.
 */
export function HelpedTags({
  value,
  onChange,
  label,
  name = "helped",
}: {
  value: string[];
  onChange: (next: string[]) => void;
  label?: string;
  name?: string;
}) {
  const t = useTranslations("log.helped");
  const text = useText();
  const groupLabel = label ?? t("label");
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v]);
  return (
    <div role="group" aria-label={groupLabel} className={styles.tagGroup}>
      <p className={styles.groupLabel} aria-hidden="true">
        {t.rich("withOptional", {
          label: groupLabel,
          muted: (chunks) => <span className="muted">{chunks}</span>,
        })}
      </p>
      <div className={styles.tags} data-testid="helped-tags">
        {HELPED_OPTIONS.map((o) => {
          const on = value.includes(o.value);
          return (
            <button
              key={o.value}
              type="button"
              className={styles.tag}
              aria-pressed={on}
              onClick={() => toggle(o.value)}
            >
              <span className={styles.tagMark} aria-hidden="true">
                {on ? "✓" : ""}
              </span>
              {text(o.label)}
            </button>
          );
        })}
      </div>
      {/* In the order of the list, whatever order they were tapped in. */}
      {inListOrder(value).map((v) => (
        <input key={v} type="hidden" name={name} value={v} />
      ))}
    </div>
  );
}
