import { linkify } from "@/lib/notes/linkify";

/**
 * A note's text as React children: plain text (React escapes it) and http(s)
 * links that open in a new tab without handing over this page. Never HTML.
 */
export function NoteText({ body, className }: { body: string; className?: string }) {
  return (
    <p className={className} data-testid="note-body">
      {linkify(body).map((s, i) =>
        s.kind === "link" ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer nofollow">
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
