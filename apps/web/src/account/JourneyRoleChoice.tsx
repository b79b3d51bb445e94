import type { JourneyRole } from '../api/types';

const CHOICES: { value: JourneyRole; title: string; explain: string }[] = [
  {
    value: 'betrayed',
    title: 'My partner was unfaithful to me',
    explain: 'You will see groups of people who were betrayed, and only those.',
  },
  {
    value: 'unfaithful',
    title: 'I was unfaithful to my partner',
    explain: 'You will see groups of people who were unfaithful and are working to repair it.',
  },
];

/** The one choice that decides which groups a member sees; it cannot be changed later. */
export function JourneyRoleChoice({
  value,
  onChange,
}: {
  value: JourneyRole | null;
  onChange: (role: JourneyRole) => void;
}) {
  return (
    <fieldset class="choices">
      <legend>Which describes you?</legend>
      <p class="hint">
        There are two kinds of group, kept apart so that everyone can speak freely. Your answer
        decides which groups you see, and it stays fixed.
      </p>
      {CHOICES.map((choice) => (
        <label class="choice" key={choice.value}>
          <input
            type="radio"
            name="journeyRole"
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            required
          />
          <span>
            <strong>{choice.title}</strong>
            <span class="hint">{choice.explain}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
