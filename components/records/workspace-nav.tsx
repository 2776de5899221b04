"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

export interface WorkspaceNavItem {
  href: string;
  label: string;
}

function NavLink({ item, active }: { item: WorkspaceNavItem; active: boolean }) {
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={clsx("block rounded-md px-2.5 py-1.5 text-sm", active ? "bg-gray-200/70 font-medium text-gray-900" : "text-gray-700 hover:bg-gray-100")}
    >
      {item.label}
    </Link>
  );
}

/** The records navigation: only the objects the role can see, then the outbox and Settings. */
export function WorkspaceNav({
  label,
  objectsHeading,
  objects,
  others,
}: {
  label: string;
  objectsHeading: string;
  objects: WorkspaceNavItem[];
  others: WorkspaceNavItem[];
}) {
  const pathname = usePathname();
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label={label}>
      <p className="px-2.5 text-xs font-medium tracking-wide text-gray-500 uppercase">{objectsHeading}</p>
      {[
        { key: "objects", className: "mt-2 space-y-0.5", items: objects },
        { key: "others", className: "mt-6 space-y-0.5 border-t border-gray-200 pt-4", items: others },
      ].map((list) => (
        <ul key={list.key} className={list.className}>
          {list.items.map((item) => (
            <li key={item.href}>
              <NavLink item={item} active={isActive(item.href)} />
            </li>
          ))}
        </ul>
      ))}
    </nav>
  );
}
