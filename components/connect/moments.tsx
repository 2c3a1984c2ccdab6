import Link from "next/link";
import { describeMoments, type TMomentsCount } from "@/lib/connect/history";
import styles from "./connect.module.css";

/** The gentle count: "Connection moments on 11 of the last 14 days". */
export function MomentsSummary({ moments, link = true }: { moments: TMomentsCount; link?: boolean }) {
  return (
    <p className={styles.count} data-testid="moments-count">
      {describeMoments(moments)}
      {link ? (
        <>
          {" "}
          <Link href="/connect/history" className="small">
            See the days
          </Link>
        </>
      ) : null}
    </p>
  );
}
