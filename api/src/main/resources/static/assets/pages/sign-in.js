// Signs in with the form's fields (the CSRF token comes from the cookie this page was served with),
// then goes where the user was headed.
import { api, showProblem, translatePage } from '../app.js';

translatePage('signIn.title');

// the form where users are configured (the embedded default), the identity provider where one is (production)
const options = await api('/sign-in/options');
if (options.ok) {
  document.getElementById('sign-in-form').hidden = !options.data.form;
  document.getElementById('demo-users').hidden = !options.data.form;
  if (options.data.identityProvider) {
    document.getElementById('sign-in-with-identity-provider').href = options.data.identityProvider;
    document.getElementById('identity-provider').hidden = false;
  }
}
document.getElementById('refused').hidden = !new URLSearchParams(location.search).has('refused');

const form = document.getElementById('sign-in-form');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const answer = await api('/sign-in', { method: 'POST', form: new FormData(form) });
  if (answer.ok) {
    location.assign(answer.data.next || '/');
  } else {
    showProblem(form, answer.problem);
  }
});
