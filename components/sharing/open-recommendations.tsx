import { NoteDoneToggle } from "@/components/sharing/note-done-toggle";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/server/domain/time";

interface Note {
  id: string;
  body: string;
  authorName: string;
  createdAt: Date;
  doneAt: Date | null;
}

/** The counselor's open recommendations on the borrower's dashboard. */
export function OpenRecommendations({ notes }: { notes: Note[] }) {
  const open = notes.filter((n) => !n.doneAt);
  if (open.length === 0) return null;
  return (
    <Card title={`顾问建议（${open.length} 条未完成）`}>
      <ul className="divide-y divide-slate-200">
        {open.map((n) => (
          <li key={n.id} className="flex flex-col gap-2 py-3">
            <p className="whitespace-pre-wrap break-words">{n.body}</p>
            <p className="text-sm text-slate-600">
              {n.authorName} · {formatDateTime(n.createdAt)}
            </p>
            <NoteDoneToggle noteId={n.id} done={false} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
