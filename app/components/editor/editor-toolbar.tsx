import type { Editor } from "@tiptap/react";
import { useRef, useState } from "react";
import { useT } from "#app/i18n/use-t.ts";
import { isSafeLinkHref } from "#app/modules/rich-text/url-policy.ts";

type ToolProps = { label: string; active?: boolean; onClick: () => void; disabled?: boolean };

function Tool({ label, active, onClick, disabled }: ToolProps) {
  return (
    <button type="button" className="tool" aria-pressed={active} onClick={onClick} disabled={disabled}>
      {label}
    </button>
  );
}

/** Buttons for what a lesson may contain: nothing more, so the editor cannot make what we do not render. */
export function EditorToolbar({
  editor,
  uploadUrl,
  onError,
}: {
  editor: Editor;
  uploadUrl: string;
  onError: (message: string | null) => void;
}) {
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const chain = () => editor.chain().focus();
  const inTable = editor.isActive("table");

  function editLink() {
    const current = editor.getAttributes("link").href as string | undefined;
    const href = window.prompt(t("editor.linkPrompt"), current ?? "https://");
    if (href === null) return;
    if (href.trim() === "") return void chain().extendMarkRange("link").unsetLink().run();
    if (!isSafeLinkHref(href.trim())) return onError(t("editor.linkInvalid"));
    onError(null);
    chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  }

  async function upload(file: File) {
    const alt = window.prompt(t("editor.imageAlt"), "");
    if (alt === null) return;
    setUploading(true);
    onError(null);
    try {
      const body = new FormData();
      body.set("image", file);
      const response = await fetch(uploadUrl, { method: "POST", body, headers: { Accept: "application/json" } });
      const result = (await response.json()) as {
        ok: boolean;
        src?: string;
        width?: number;
        height?: number;
        message?: string;
      };
      if (!result.ok || !result.src) return onError(result.message ?? t("errors.upload.type"));
      chain()
        .setImage({
          src: result.src,
          alt: alt.trim(),
          ...(result.width ? { width: result.width, height: result.height } : {}),
        } as never)
        .run();
    } catch {
      onError(t("errors.http.500.text"));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  return (
    <div className="editor-toolbar" role="toolbar" aria-label={t("editor.toolbar")}>
      <Tool
        label={t("editor.h2")}
        active={editor.isActive("heading", { level: 2 })}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      />
      <Tool
        label={t("editor.h3")}
        active={editor.isActive("heading", { level: 3 })}
        onClick={() => chain().toggleHeading({ level: 3 }).run()}
      />
      <Tool label={t("editor.bold")} active={editor.isActive("bold")} onClick={() => chain().toggleBold().run()} />
      <Tool
        label={t("editor.italic")}
        active={editor.isActive("italic")}
        onClick={() => chain().toggleItalic().run()}
      />
      <Tool
        label={t("editor.bulletList")}
        active={editor.isActive("bulletList")}
        onClick={() => chain().toggleBulletList().run()}
      />
      <Tool
        label={t("editor.orderedList")}
        active={editor.isActive("orderedList")}
        onClick={() => chain().toggleOrderedList().run()}
      />
      <Tool
        label={t("editor.taskList")}
        active={editor.isActive("taskList")}
        onClick={() => chain().toggleTaskList().run()}
      />
      <Tool
        label={t("editor.safetyNote")}
        active={editor.isActive("blockquote")}
        onClick={() => chain().toggleBlockquote().run()}
      />
      <Tool label={t("editor.link")} active={editor.isActive("link")} onClick={editLink} />
      <Tool
        label={uploading ? t("editor.uploading") : t("editor.image")}
        disabled={uploading}
        onClick={() => fileInput.current?.click()}
      />
      <input
        ref={fileInput}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      {inTable ? (
        <>
          <Tool label={t("editor.addRow")} onClick={() => chain().addRowAfter().run()} />
          <Tool label={t("editor.addColumn")} onClick={() => chain().addColumnAfter().run()} />
          <Tool label={t("editor.deleteTable")} onClick={() => chain().deleteTable().run()} />
        </>
      ) : (
        <Tool
          label={t("editor.table")}
          onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        />
      )}
      <Tool label={t("editor.undo")} disabled={!editor.can().undo()} onClick={() => chain().undo().run()} />
      <Tool label={t("editor.redo")} disabled={!editor.can().redo()} onClick={() => chain().redo().run()} />
    </div>
  );
}
