export { Badge, type BadgeTone } from './Badge';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { ConfirmDialog, type ConfirmDialogProps } from './ConfirmDialog';
export { Dialog, type DialogProps } from './Dialog';
export { ErrorBanner, errorText } from './ErrorBanner';
export { Checkbox, Field, Select, TextInput, type FieldProps, type TextInputProps } from './Field';
export { LoadingState, Spinner } from './Spinner';
export { Tabs, type TabItem, type TabsProps } from './Tabs';
export { VirshHint } from './VirshHint';
