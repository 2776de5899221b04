/**
 * The role editor's state in one reducer: the saved role and the draft being edited, its version,
 * the server's errors, the draft as it was when an object rule page opened (its Revert goes back
 * there), and whether the page is being left on purpose (no unsaved-changes prompt then). Which
 * tab and which object rule page are open is not state: the URL says it (`?tab=`, `?object=`).
 */
import type { ActionError } from "@/lib/errors";
import type { RoleDraft } from "@/lib/roles/draft";

export const TABS = ["permissions", "assignment", "settings", "history"] as const;
export type Tab = (typeof TABS)[number];

export function tabOfUrl(value: string | null): Tab {
  return TABS.includes(value as Tab) ? (value as Tab) : "permissions";
}

/** Which tab shows a server error, so a failed save opens the tab with the offending control. */
export function tabOfField(field: string | undefined): Tab {
  return field === "name" || field === "description" || field === "icon" || field?.startsWith("assignableTo") ? "settings" : "permissions";
}

export interface EditorState {
  readonly saved: RoleDraft;
  readonly draft: RoleDraft;
  readonly version: number;
  readonly errors: ActionError[];
  /** The draft when the open object rule page was opened. */
  readonly openedWith: RoleDraft;
  readonly leaving: boolean;
}

export type EditorAction =
  | { type: "edit"; edit: (draft: RoleDraft) => RoleDraft }
  | { type: "openObject" }
  | { type: "saving" }
  | { type: "saved"; draft: RoleDraft; version: number }
  | { type: "failed"; errors: ActionError[] }
  | { type: "cancel" }
  | { type: "leave" };

export function initialEditorState(saved: RoleDraft, version: number): EditorState {
  return { saved, draft: saved, version, errors: [], openedWith: saved, leaving: false };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "edit":
      return { ...state, draft: action.edit(state.draft) };
    case "openObject":
      return { ...state, openedWith: state.draft };
    case "saving":
      return { ...state, errors: [] };
    case "saved":
      return { ...state, saved: action.draft, version: action.version };
    case "failed":
      return { ...state, errors: action.errors };
    case "cancel":
      return { ...state, errors: [], draft: state.saved };
    case "leave":
      return { ...state, leaving: true };
  }
}
