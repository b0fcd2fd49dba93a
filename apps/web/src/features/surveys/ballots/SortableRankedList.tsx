import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { RankedItem, type RankedListProps } from './RankedList';

interface SortableRankedListProps extends RankedListProps {
  /** A drop moved the option at `from` to `to`. */
  onReorder: (from: number, to: number) => void;
}

function SortableItem({ id, index, ...props }: Omit<RankedListProps, 'ranked' | 'labelOf' | 'listLabel'> & { id: string; index: number; label: string }) {
  const { t } = useTranslation('surveys');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <button
      ref={(el) => {
        setActivatorNodeRef(el);
        props.keep(`${id}:handle`)(el);
      }}
      type="button"
      className="button button-icon ranking-handle"
      {...attributes}
      {...listeners}
      aria-label={t('ballot.drag', { option: props.label, position: index + 1 })}
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
  return <RankedItem id={id} index={index} {...props} handle={handle} itemRef={setNodeRef} dragging={isDragging} style={{ transform: CSS.Translate.toString(transform), transition }} />;
}

/**
 * The ranking with drag and drop (@dnd-kit): a handle per option, dragged by touch, mouse or the
 * keyboard (space to pick up, arrows, space to drop), each step announced in the member's language.
 * Loaded only when a ranking ballot is shown.
 */
export default function SortableRankedList({ ranked, labelOf, listLabel, onReorder, ...item }: SortableRankedListProps) {
  const { t } = useTranslation('surveys');
  const sensors = useSensors(
    // A short press-and-move distance keeps taps on the handle from starting a drag by accident.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const position = (id: unknown) => ranked.indexOf(String(id)) + 1;
  // The first "over" is the option itself, right after the pick-up: keep the pick-up message.
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return t('ballot.dragStart', { option: labelOf(String(active.id)), position: position(active.id) });
    },
    onDragOver: ({ active, over }) => {
      if (!over || (over.id === active.id && !moved.current)) return undefined;
      moved.current = true;
      return t('ballot.dragOver', { option: labelOf(String(active.id)), position: position(over.id) });
    },
    onDragEnd: ({ active, over }) => (over ? t('ballot.moved', { option: labelOf(String(active.id)), position: position(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('ballot.dragCancel', { option: labelOf(String(active.id)) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(ranked.indexOf(String(active.id)), ranked.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('ballot.dragInstructions') } }}
    >
      <SortableContext items={[...ranked]} strategy={verticalListSortingStrategy}>
        <ol className="ranking-list" aria-label={listLabel}>
          {ranked.map((id, i) => (
            <SortableItem key={id} id={id} index={i} label={labelOf(id)} {...item} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
