import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Button, type ButtonProps } from './Button';

export interface MenuItem {
  key: string;
  label: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** Shown in red: the item is destructive. */
  danger?: boolean;
  title?: string;
  id?: string;
  'data-testid'?: string;
}

export interface MenuButtonProps extends Omit<ButtonProps, 'onClick' | 'children'> {
  label: ReactNode;
  items: readonly MenuItem[];
}

/**
 * A button that opens a menu (WAI-ARIA menu button): Enter, Space or ArrowDown open it and focus
 * the first item, arrows move, Escape closes and returns focus. Activating the button never runs
 * an item by itself.
 */
export function MenuButton({ label, items, disabled, id, ...rest }: MenuButtonProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [place, setPlace] = useState<CSSProperties>({});

  useEffect(() => {
    if (!open) return;
    itemRefs.current.find((b) => b !== null && !b.disabled)?.focus();
    const inside = (target: EventTarget | null) => target instanceof Node && (root.current?.contains(target) === true || menu.current?.contains(target) === true);
    const onPointer = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    // The menu is placed once beside the button: when what is under it scrolls, it closes.
    const onScroll = (event: Event) => {
      if (!inside(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [open]);

  const toggle = (next: boolean) => {
    const rect = button.current?.getBoundingClientRect();
    if (next && rect !== undefined) {
      // Rendered in the body, so that a row's clipped, transformed cell cannot cut it off.
      const below = window.innerHeight - rect.bottom > 48 * items.length;
      setPlace({
        position: 'fixed',
        right: Math.max(4, window.innerWidth - rect.right),
        ...(below ? { top: rect.bottom + 4 } : { bottom: window.innerHeight - rect.top + 4 }),
      });
    }
    setOpen(next);
  };

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const enabled = itemRefs.current.filter((b): b is HTMLButtonElement => b !== null && !b.disabled);
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: enabled.length - 1 };
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      event.stopPropagation();
      close();
    } else if (moves[event.key] !== undefined && enabled.length > 0) {
      event.preventDefault();
      enabled[((moves[event.key] ?? 0) + enabled.length) % enabled.length]?.focus();
    }
  };

  return (
    <div ref={root} className="relative inline-block" onClick={(e) => e.stopPropagation()}>
      <Button
        {...rest}
        ref={button}
        {...(id === undefined ? {} : { id })}
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => toggle(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            toggle(true);
          }
        }}
      >
        {label}
        <svg aria-hidden viewBox="0 0 12 12" className="size-3" fill="none" stroke="currentColor" strokeWidth="1.5">
          <path d="M3 4.5 6 7.5 9 4.5" />
        </svg>
      </Button>
      {open &&
        createPortal(
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={typeof label === 'string' ? label : undefined}
          onKeyDown={onMenuKey}
          onClick={(e) => e.stopPropagation()}
          style={place}
          className="z-50 min-w-40 rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {items.map((item, index) => (
            <button
              key={item.key}
              ref={(el) => {
                itemRefs.current[index] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              disabled={item.disabled}
              title={item.title}
              {...(item.id === undefined ? {} : { id: item.id })}
              {...(item['data-testid'] === undefined ? {} : { 'data-testid': item['data-testid'] })}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
              className={`block w-full px-3 py-1.5 text-left text-sm whitespace-nowrap hover:bg-zinc-100 focus:bg-zinc-100 focus:outline-none disabled:cursor-not-allowed disabled:opacity-50 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800 ${
                item.danger === true ? 'text-red-700 dark:text-red-400' : ''
              }`}
            >
              {item.label}
            </button>
          ))}
        </div>,
          document.body,
        )}
    </div>
  );
}
