import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useEffect, useState } from "react";
import { Alert } from "#app/components/ui/alert.tsx";
import { useT } from "#app/i18n/use-t.ts";
import { lessonExtensions } from "#app/modules/rich-text/extensions.ts";
import { EditorToolbar } from "./editor-toolbar.tsx";

type Props = { initial: unknown; markdown: string; uploadUrl: string; errorId?: string; invalid?: boolean };

/**
 * The tiptap editor for a lesson. The server (and a browser without JavaScript) renders a
 * Markdown textarea instead; once the editor is ready it takes over and posts `body` as JSON.
 */
export function LessonEditor({ initial, markdown, uploadUrl, errorId, invalid }: Props) {
  const t = useT();
  const [message, setMessage] = useState<string | null>(null);
  const [json, setJson] = useState(() => JSON.stringify(initial));
  const editor = useEditor({
    extensions: lessonExtensions,
    content: initial as object,
    immediatelyRender: false,
    onUpdate: ({ editor: current }) => {
      setJson(JSON.stringify(current.getJSON()));
      setDirty(true);
    },
    editorProps: {
      attributes: {
        id: "lesson-body",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": "lesson-body-label",
        ...(errorId ? { "aria-describedby": errorId } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "editor-content lesson-body",
      },
    },
  });
  // Fresh loader data (after a save) means the text on screen is what the server has.
  const [dirty, setDirty] = useState(false);
  const [loaded, setLoaded] = useState(initial);
  if (loaded !== initial) {
    setLoaded(initial);
    setDirty(false);
  }
  useWarnBeforeLeaving(dirty);
  // Re-render the toolbar when the selection changes (active buttons, undo state).
  useEditorState({ editor, selector: ({ editor: current }) => current?.state.selection.toJSON() });

  if (!editor) {
    return (
      <>
        <p className="field-hint">{t("editLesson.markdownHint")}</p>
        <textarea
          id="lesson-body"
          name="markdown"
          rows={18}
          defaultValue={markdown}
          aria-labelledby="lesson-body-label"
          aria-describedby={errorId}
          aria-invalid={invalid || undefined}
          className="markdown-input"
        />
      </>
    );
  }
  return (
    <div className="editor">
      <EditorToolbar editor={editor} uploadUrl={uploadUrl} onError={setMessage} />
      {message ? <Alert tone="error">{message}</Alert> : null}
      <EditorContent editor={editor} />
      <input type="hidden" name="body" value={json} />
    </div>
  );
}

/**
 * Closing the tab or reloading with unsaved text asks first: a trainer's lesson is not lost to a
 * mistaken swipe. Submitting the form (save or publish) leaves without asking.
 */
function useWarnBeforeLeaving(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    let submitting = false;
    const onSubmit = () => {
      submitting = true;
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (submitting) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the dialog.
      event.returnValue = "";
    };
    window.addEventListener("submit", onSubmit, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [dirty]);
}
