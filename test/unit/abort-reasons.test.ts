import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { formatAbortReasonsEagerly } from "@/lib/server/abort-reasons";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/**
 * Aborts a long-lived controller with an Error created inside a method of a
 * short-lived object, as React does when a render finishes (the object there
 * is the Immediate the render ran in), and reports whether that object is
 * still alive once nothing but the abort reason could hold it.
 */
async function receiverOutlivesAbort(keep: AbortController[]): Promise<boolean> {
  let ref: WeakRef<object>;
  (() => {
    const holder = {
      finish(this: object) {
        const controller = new AbortController();
        controller.abort(new Error("This render completed successfully."));
        keep.push(controller);
      },
    };
    holder.finish();
    ref = new WeakRef(holder);
  })();
  // Let the WeakRef's own hold on its target lapse (it lasts until the end of the job).
  await new Promise((r) => setTimeout(r, 0));
  gc();
  return ref!.deref() !== undefined;
}

describe("abort reasons formatted at once (React's finished renders must not pin earlier requests)", () => {
  it("without it, V8's unformatted stack keeps the frame's receiver alive; with it, it is collected", async () => {
    const keep: AbortController[] = [];
    // Before installing: the retention the workaround exists for is real on this Node.
    expect(await receiverOutlivesAbort(keep)).toBe(true);
    formatAbortReasonsEagerly();
    expect(await receiverOutlivesAbort(keep)).toBe(false);
    // The reason still reads as before: the same Error, its message and a stack.
    const reason = keep.at(-1)!.signal.reason as Error;
    expect(reason.message).toBe("This render completed successfully.");
    expect(reason.stack).toContain("finish");
  });

  it("passes any reason through unchanged, and a second install does not wrap twice", () => {
    formatAbortReasonsEagerly();
    const c = new AbortController();
    c.abort("plain");
    expect(c.signal.reason).toBe("plain");
    const d = new AbortController();
    d.abort();
    expect(d.signal.reason).toBeInstanceOf(DOMException);
  });
});
