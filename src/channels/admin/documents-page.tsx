/** @jsxImportSource hono/jsx */
/** @module documents-page: 文档: the indexed documents, the files that failed and why, upload with progress, delete. */
import { raw } from 'hono/html';
import type { DocumentRecord } from '../../core/index/library.js';
import type { FailedDocument } from '../../core/index/failed-documents.js';
import type { ConsoleChunk } from './console-types.js';
import { Csrf, Page } from './layout.js';
import { Icon } from './icons.js';

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Uploads through XMLHttpRequest for its upload progress; the session cookie and CSRF header authenticate it. */
const UPLOAD_SCRIPT = `
(function () {
  var form = document.getElementById('upload');
  var bar = document.getElementById('progress');
  var status = document.getElementById('upload-status');
  var name = document.getElementById('file-name');
  form.elements.file.addEventListener('change', function () {
    var f = form.elements.file.files[0];
    name.textContent = f ? f.name : '未选择文件';
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var file = form.elements.file.files[0];
    if (!file) { status.textContent = '请先选择文件。'; return; }
    var x = new XMLHttpRequest();
    bar.hidden = false;
    bar.value = 0;
    status.textContent = '正在上传…';
    x.upload.onprogress = function (ev) { if (ev.lengthComputable) bar.value = Math.round(ev.loaded / ev.total * 100); };
    x.upload.onload = function () { bar.value = 100; status.textContent = '已上传，正在建立索引…'; };
    x.onload = function () {
      var body = {};
      try { body = JSON.parse(x.responseText); } catch (err) {}
      if (x.status >= 200 && x.status < 300) { location.href = '/admin/documents?done=uploaded'; return; }
      bar.hidden = true;
      status.textContent = '上传失败（' + x.status + '）：' + (body.error && body.error.message || '请稍后再试');
    };
    x.onerror = function () { bar.hidden = true; status.textContent = '上传失败：网络错误'; };
    var data = new FormData();
    data.append('file', file);
    x.open('POST', '/admin/documents/upload');
    x.setRequestHeader('X-CSRF-Token', form.elements._csrf.value);
    x.send(data);
  });
})();
`;

export interface DocumentsView {
  documents: DocumentRecord[];
  failed: FailedDocument[];
  csrf: string;
  canUpload: boolean;
  canView: boolean;
  /** The zone indexing times are shown in (TIMEZONE). */
  timeZone: string;
  notice?: { text: string; error?: boolean };
}

export function DocumentsPage({ documents, failed, csrf, canUpload, canView, timeZone, notice }: DocumentsView) {
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
  return (
    <Page title="文档" section="documents" csrf={csrf} notice={notice}>
      {canUpload ? (
        <section class="card">
          <h2>上传文档</h2>
          <form id="upload" method="post" action="/admin/documents/upload" enctype="multipart/form-data">
            <Csrf token={csrf} />
            <p class="muted" style="margin:0 0 8px">支持 txt、md、docx、pdf、html、xlsx、pptx、csv 等格式；同名的上传文档会被替换。</p>
            <div class="actions">
              <input id="file" class="hidden-file" type="file" name="file" />
              <label for="file" class="btn plain" style="margin:0">选择文件</label>
              <span id="file-name" class="muted">未选择文件</span>
            </div>
            <div class="actions" style="margin-top:10px">
              <button class="btn" type="submit"><Icon name="upload" />上传</button>
              <span id="upload-status" class="muted" role="status" aria-live="polite" />
            </div>
            <progress id="progress" max="100" value="0" hidden />
          </form>
          <script>{raw(UPLOAD_SCRIPT)}</script>
        </section>
      ) : (
        <p class="notice">在这个部署上，文档由 npm run push 在本地处理后推送，不能在这里上传。</p>
      )}
      {failed.length > 0 && (
        <section class="card">
          <h2 style="display:flex;gap:6px;align-items:center"><Icon name="warn" />未能建立索引的文件</h2>
          <table class="docs">
            <thead><tr><th>文件</th><th>大小</th><th>原因</th></tr></thead>
            <tbody>
              {failed.map((f) => (
                <tr><td data-label="文件">{f.source}</td><td data-label="大小">{size(f.bytes)}</td><td data-label="原因">{f.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section class="card">
        <h2>{`已建立索引的文档（${documents.length}）`}</h2>
        <table class="docs">
          <thead><tr><th>标题</th><th>文件</th><th>大小</th><th>段落数</th><th>索引时间</th><th /></tr></thead>
          <tbody>
            {documents.map((d) => (
              <tr>
                <td data-label="标题">{canView ? <a href={`/admin/documents/${d.id}`}>{d.title}</a> : d.title}</td>
                <td data-label="文件">{d.source}</td>
                <td class="nowrap" data-label="大小">{size(d.bytes)}</td>
                <td class="nowrap" data-label="段落数">{d.chunks}</td>
                <td class="nowrap" data-label="索引时间">{time.format(new Date(d.indexedAt))}</td>
                <td class="nowrap">
                  {d.source.startsWith('uploads/') ? (
                    <form method="post" action={`/admin/documents/${d.id}/delete`} style="margin:0" onsubmit={`return confirm(${JSON.stringify(`删除《${d.title}》？文件会移到 .trash 文件夹。`)})`}>
                      <Csrf token={csrf} />
                      <button class="btn danger" type="submit" aria-label={`删除 ${d.title}`}><Icon name="trash" />删除</button>
                    </form>
                  ) : (
                    <span class="muted" style="font-size:13px">语料目录中的文件</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="muted" style="font-size:13px">删除的上传文档移到上传目录的 .trash 文件夹，可以手动恢复；语料目录中的文件请在服务器上删除后重启。</p>
      </section>
    </Page>
  );
}

export function DocumentChunksPage({ record, chunks, csrf }: { record: DocumentRecord; chunks: ConsoleChunk[]; csrf: string }) {
  return (
    <Page title={record.title} section="documents" csrf={csrf}>
      <p class="muted">{`${record.source} · ${size(record.bytes)} · ${chunks.length} 个段落（清洗后的正文按段落切分，相邻段落有重叠）`}</p>
      <p><a href="/admin/documents">返回文档列表</a></p>
      <section class="card">
        {chunks.map((c, i) => (
          <div>
            <div class="meta"><span>{`第 ${i + 1} 段`}</span>{c.heading && <span>{c.heading}</span>}<span>{`位置 ${c.start}–${c.end}`}</span></div>
            <pre class="chunk">{c.text}</pre>
          </div>
        ))}
      </section>
    </Page>
  );
}
