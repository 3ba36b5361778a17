import { Link } from 'react-router';

export function NotFound() {
  return (
    <section className="p-6" id="not-found">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm">
        <Link className="text-sky-700 underline dark:text-sky-400" to="/">
          Go to the virtual machines
        </Link>
      </p>
    </section>
  );
}
