import Link from "next/link";
import type { LucideIcon } from "lucide-react";

/** A centred card for pages that cannot show their content: no access, not found. */
export function NoticeCard({ icon: Icon, title, body, href, linkLabel }: { icon?: LucideIcon; title: string; body: string; href: string; linkLabel: string }) {
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-gray-200 bg-white p-8 text-center">
      {Icon ? <Icon aria-hidden className="mx-auto mb-3 size-8 text-gray-400" /> : null}
      <h1 className="text-lg font-semibold text-gray-900">{title}</h1>
      <p className="mt-2 text-sm text-gray-600">{body}</p>
      <Link href={href} className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
        {linkLabel}
      </Link>
    </div>
  );
}
