/** Language and text size before signing in: a person who cannot read the sign-in page must be able to change it first. */
import { language, setLanguage, t } from '../i18n.js';
import { applyTextSize, markChosenBeforeSignIn, textSize } from '../session.js';
import { textSizes } from '../../shared/domain/roles.js';

export function Preferences() {
  const size = textSize.value;
  const index = textSizes.indexOf(size);
  const bigger = textSizes[Math.min(index + 1, textSizes.length - 1)]!;
  const atMax = index === textSizes.length - 1;
  return (
    <div class="preferences">
      <button
        type="button"
        class="secondary"
        lang={language.value === 'sv' ? 'en' : 'sv'}
        onClick={() => {
          markChosenBeforeSignIn();
          setLanguage(language.value === 'sv' ? 'en' : 'sv');
        }}
      >
        {t('app.otherLanguage')}
      </button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          markChosenBeforeSignIn();
          applyTextSize(atMax ? 'normal' : bigger);
        }}
      >
        {atMax ? t('app.smallerText') : t('app.biggerText')}
      </button>
    </div>
  );
}
