/** A failure the benchmark explains itself: printed as its message, without a stack trace. */
export class BenchError extends Error {}
