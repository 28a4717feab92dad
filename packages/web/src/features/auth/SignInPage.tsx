import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Button, Form } from "react-aria-components";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { errorText, isApiError } from "../../api/client";
import { signIn, useMe } from "../../api/session";
import { TextInput } from "../../components/fields";

/** Only paths inside the app: never an open redirect. */
const safeNext = (next: string | null): string =>
  next?.startsWith("/") && !next.startsWith("//") ? next : "/";

export const SignInPage = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    document.title = "Sign in · billcycle";
  }, []);

  if (me.data) return <Navigate to={safeNext(params.get("next"))} replace />;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setPending(true);
    try {
      await signIn(queryClient, email.trim(), password);
      navigate(safeNext(params.get("next")), { replace: true });
    } catch (err) {
      setError(
        isApiError(err) && err.status === 401
          ? "That email and password do not match an account."
          : isApiError(err) && err.status === 429
            ? "Too many attempts. Wait a few minutes and try again."
            : errorText(err),
      );
    } finally {
      setPending(false);
    }
  };

  return (
    <main className="signin-page">
      <div className="signin-card">
        <div className="brand brand-large">
          <img src="/favicon.svg" alt="" width="36" height="36" />
          <span>billcycle</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">
          Billing automation for your practice: sessions, invoices, claims and remittances.
        </p>
        <Form onSubmit={submit} className="stack">
          <TextInput
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            isRequired
            autoFocus
          />
          <TextInput
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            isRequired
          />
          {error ? (
            <p role="alert" className="alert alert-error">
              {error}
            </p>
          ) : null}
          <Button type="submit" className="btn btn-primary btn-block" isPending={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </Form>
      </div>
    </main>
  );
};
