// Signs in with the form's fields (the CSRF token comes from the cookie this page was served with),
// then goes where the user was headed.
import { api, showProblem, translatePage } from '../app.js';

translatePage('signIn.title');

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
