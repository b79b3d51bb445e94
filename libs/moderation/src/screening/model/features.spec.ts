import { analyse } from '../text/analyse';
import { conceptsOf } from './concepts';
import { featuresOf } from './features';

describe('featuresOf', () => {
  it('keeps quoted words apart from the author’s own, without pairs or character n-grams', () => {
    const features = featuresOf(analyse("her words were 'you pathetic loser' and i cried"));
    expect(features).toContain('q:loser');
    expect(features).not.toContain('w:loser');
    expect(features.filter((f) => f.startsWith('c:') && f.includes('loser'))).toEqual([]);
    expect(features.filter((f) => f.startsWith('b:') && f.includes('loser'))).toEqual([]);
    expect(features).toContain('w:cry');
  });

  it('reads the same words unquoted as the author’s', () => {
    const features = featuresOf(analyse('you pathetic loser'));
    expect(features).toContain('w:loser');
    expect(features).not.toContain('q:loser');
  });
});

describe('conceptsOf', () => {
  const concepts = (text: string) => conceptsOf(analyse(text));

  it.each([
    'if she leaves I will finish him and then myself',
    "I'm taking him with me when I go",
    'next time I drive us both into the river',
  ])('finds harm to someone and then oneself: %s', (text) => {
    expect(concepts(text)).toContain('k:harm_then_self');
  });

  it.each([
    'two years ago I wanted to die; I got help and I am doing better now',
    'I used to cut, thirty years free of it',
  ])('finds a crisis told as over: %s', (text) => {
    expect(concepts(text)).toContain('k:recovered');
  });

  it.each(['him first, then me', 'that woman and then myself'])(
    'finds harm to someone and then oneself in an order: %s',
    (text) => {
      expect(concepts(text)).toContain('k:harm_then_self');
    },
  );

  it.each(['it was always her and me against the world', 'him and me went to the session'])(
    'reads "her and me" as us, not as harm and then oneself: %s',
    (text) => {
      expect(concepts(text)).not.toContain('k:harm_then_self');
    },
  );

  it('finds neither in an ordinary message', () => {
    expect(concepts('we walked the dog and talked about the weekend')).toEqual([]);
  });
});
