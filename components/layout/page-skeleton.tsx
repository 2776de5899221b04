/** The frame of a page while it loads, so nothing jumps when the content arrives. */
export function PageSkeleton() {
  return (
    <div className="max-w-4xl animate-pulse" aria-busy="true">
      <div className="h-6 w-40 rounded bg-gray-200" />
      <div className="mt-3 h-4 w-96 max-w-full rounded bg-gray-100" />
      <div className="mt-8 space-y-3">
        {Array.from({ length: 5 }, (_, index) => (
          <div key={index} className="h-12 rounded-lg bg-gray-100" />
        ))}
      </div>
    </div>
  );
}
