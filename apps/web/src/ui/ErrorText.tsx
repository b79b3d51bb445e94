/** An error said once, to screen readers too. */
export function ErrorText({ message, id }: { message: string; id?: string }) {
  if (!message) return null;
  return (
    <p class="error" role="alert" id={id}>
      {message}
    </p>
  );
}
