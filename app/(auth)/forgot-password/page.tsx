import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" description="Enter your account's email address and we will send you a link to choose a new password.">
      <ForgotPasswordForm />
      <p className="text-center text-sm">
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-500">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
