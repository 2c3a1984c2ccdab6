/** Shown while a signed-in page loads: the shape of a page, gently pulsing. */
export default function Loading() {
  return (
    <div className="page" role="status" aria-live="polite">
      <span className="sr-only">Loading…</span>
      <div className="skeleton" style={{ height: "2.2rem", width: "45%", marginBottom: "0.75rem" }} />
      <div className="skeleton" style={{ height: "1.1rem", width: "75%", marginBottom: "1.5rem" }} />
      <div className="skeleton" style={{ height: "10rem", marginBottom: "1.25rem" }} />
      <div className="skeleton" style={{ height: "6rem" }} />
    </div>
  );
}
