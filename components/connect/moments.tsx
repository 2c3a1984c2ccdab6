import Link from "next/link";
import { useTranslations } from "next-intl";
import { describeMoments, type TMomentsCount } from "@/lib/connect/history";
import { useText } from "@/components/use-text";
import styles from "./connect.module.css";

/** The gentle count: "Connection moments on 11 of the last 14 days". */
export function MomentsSummary({ moments, link = true }: { moments: TMomentsCount; link?: boolean }) {
  const t = useTranslations("connect.moments");
  const text = useText();
  return (
    <p className={styles.count} data-testid="moments-count">
      {text(describeMoments(moments))}
      {link ? (
        <>
          {" "}
          <Link href="/connect/history" className="small">
            {t("seeTheDays")}
          </Link>
        </>
      ) : null}
    </p>
  );
}
