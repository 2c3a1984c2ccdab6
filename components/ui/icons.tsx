import type { ReactNode, SVGProps } from "react";

// Simple line icons, always decorative: the text next to them carries the meaning.

type TIconProps = Omit<SVGProps<SVGSVGElement>, "children"> & { size?: number };

function Icon({ size = 22, children, ...rest }: TIconProps & { children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...rest}
    >
      {children}
    </svg>
  );
}

export function MoonIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
    </Icon>
  );
}

export function CalendarIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <rect x="3.5" y="5" width="17" height="15" rx="2.5" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
    </Icon>
  );
}

export function HeartIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <path d="M12 20s-7.5-4.4-7.5-10A4.3 4.3 0 0 1 12 7.6 4.3 4.3 0 0 1 19.5 10c0 5.6-7.5 10-7.5 10Z" />
    </Icon>
  );
}

export function NoteIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <path d="M5 4.5h14v10l-5 5H5z" />
      <path d="M14 19.5v-5h5M8.5 9h7M8.5 12.5h4" />
    </Icon>
  );
}

export function BalanceIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <path d="M12 4v16M7 20h10M5 7h14" />
      <path d="M5 7l-2.5 6a2.5 2.5 0 0 0 5 0L5 7ZM19 7l-2.5 6a2.5 2.5 0 0 0 5 0L19 7Z" />
    </Icon>
  );
}

export function HomeIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <path d="M4 11 12 4.5 20 11" />
      <path d="M6 9.5V19.5h12V9.5" />
      <path d="M10 19.5v-5h4v5" />
    </Icon>
  );
}

export function SettingsIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.8v2.4M12 18.8v2.4M21.2 12h-2.4M5.2 12H2.8M18.5 5.5l-1.7 1.7M7.2 16.8l-1.7 1.7M18.5 18.5l-1.7-1.7M7.2 7.2 5.5 5.5" />
    </Icon>
  );
}

export function MoreIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <circle cx="5.5" cy="12" r="1.4" fill="currentColor" />
      <circle cx="12" cy="12" r="1.4" fill="currentColor" />
      <circle cx="18.5" cy="12" r="1.4" fill="currentColor" />
    </Icon>
  );
}

export function AlertIcon(p: TIconProps) {
  return (
    <Icon size={18} strokeWidth={2.2} {...p}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </Icon>
  );
}

export function CheckIcon(p: TIconProps) {
  return (
    <Icon size={18} strokeWidth={2.2} {...p}>
      <circle cx="12" cy="12" r="9" />
      <path d="m8 12.3 2.7 2.7L16 9.5" />
    </Icon>
  );
}

export function InfoIcon(p: TIconProps) {
  return (
    <Icon size={18} strokeWidth={2.2} {...p}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v5.5M12 7.5v.01" />
    </Icon>
  );
}

export function BabyIcon(p: TIconProps) {
  return (
    <Icon {...p}>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M9 10.5v.01M15 10.5v.01M9.5 14.5a3.5 3.5 0 0 0 5 0" />
      <path d="M11 3.6c0 1.5 2 1.5 2 3" />
    </Icon>
  );
}

/** The Attune mark: a crescent cradling a small heart. */
export function LogoMark(p: TIconProps) {
  return (
    <Icon size={28} {...p}>
      <path d="M19.5 15A8.5 8.5 0 0 1 9 4.5a8.5 8.5 0 1 0 10.5 10.5Z" />
      <path
        d="M13.2 13.6s-2.7-1.6-2.7-3.6a1.5 1.5 0 0 1 2.7-.9 1.5 1.5 0 0 1 2.7.9c0 2-2.7 3.6-2.7 3.6Z"
        fill="currentColor"
        stroke="none"
      />
    </Icon>
  );
}
