import { navigate } from '../app/router';

export function WelcomePage() {
  return (
    <section class="page welcome">
      <h1 tabIndex={-1}>A quiet place to mend</h1>
      <p class="lead">
        Kintsugi is a small, private space for people living through the aftermath of infidelity.
        You talk with a few others who know what it is like, in groups that a trained moderator
        looks after.
      </p>
      <h2>Who it is for</h2>
      <ul>
        <li>
          <strong>If your partner was unfaithful</strong>, you will meet others who were hurt the
          same way.
        </li>
        <li>
          <strong>If you were the one who was unfaithful</strong> and want to understand it and make
          things right, you will meet others doing that work.
        </li>
      </ul>
      <p>
        The two never share a group. You don’t give your name: you pick a made-up one, and an e-mail
        address is optional. Groups meet for live talks on topics from a guide to rebuilding trust.
      </p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => navigate({ name: 'register' })}>
          Join anonymously
        </button>
        <button type="button" onClick={() => navigate({ name: 'login' })}>
          I have an account
        </button>
      </div>
      <p class="muted">Need to leave quickly? Use “Leave now” at the top, or press Esc twice.</p>
    </section>
  );
}
