import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useState } from "react";
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
    onUpdate: ({ editor: current }) => setJson(JSON.stringify(current.getJSON())),
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
