import { FormField } from "@/components/ui/form-field";

type CredentialFieldProps = Omit<React.ComponentProps<typeof FormField>, "label" | "type" | "onChange" | "value"> & {
  label?: string;
  value: string;
  onValueChange: (value: string) => void;
};

/** An email address field with the attributes browsers and password managers look for. */
export function EmailField({ label = "Email", name = "email", onValueChange, ...props }: CredentialFieldProps) {
  return (
    <FormField
      label={label}
      name={name}
      type="email"
      autoComplete="email"
      inputMode="email"
      required
      onChange={(event) => onValueChange(event.target.value)}
      {...props}
    />
  );
}

/** The password the user already has (sign-in, or confirming a sensitive change). */
export function CurrentPasswordField({ label = "Current password", name = "currentPassword", onValueChange, ...props }: CredentialFieldProps) {
  return (
    <FormField
      label={label}
      name={name}
      type="password"
      autoComplete="current-password"
      required
      onChange={(event) => onValueChange(event.target.value)}
      {...props}
    />
  );
}
