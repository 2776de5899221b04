"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";

/**
 * Asks before leaving a page with unsaved changes (SPEC §2.4): in-app links are intercepted and
 * a dialog offers "Discard changes" or "Keep editing"; closing or reloading the tab gets the
 * browser's own prompt.
 */
export function useUnsavedGuard(dirty: boolean) {
  const t = useTranslations("roles.unsaved");
  const router = useRouter();
  const [pendingHref, setPendingHref] = useState<string | null>(null);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!dirtyRef.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!anchor || anchor.target === "_blank") return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname === window.location.pathname) return;
      event.preventDefault();
      event.stopPropagation();
      setPendingHref(url.pathname + url.search);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
    };
    document.addEventListener("click", onClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, []);

  const dialog = (
    <Modal
      open={pendingHref !== null}
      onOpenChange={(open) => !open && setPendingHref(null)}
      title={t("title")}
      description={t("body")}
     
      footer={
        <>
          <Button onClick={() => setPendingHref(null)}>{t("keep")}</Button>
          <Button
            variant="danger"
            onClick={() => {
              const href = pendingHref;
              dirtyRef.current = false;
              setPendingHref(null);
              if (href) router.push(href);
            }}
          >
            {t("discard")}
          </Button>
        </>
      }
    />
  );

  return { dialog };
}
