/**
 * A module (an SDK client, say) loaded on the first call rather than at start-up, and kept once it
 * has loaded. A load that fails is not kept, so the next call tries again, and it is given as
 * `failure(err)`: the error the caller would have met had the thing been there and not answered.
 */
export function onFirstUse<T>(load: () => Promise<T>, failure: (err: unknown) => Error): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load().catch((err: unknown) => {
      loaded = undefined;
      throw failure(err);
    });
    return loaded;
  };
}
