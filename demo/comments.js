// The comments page: a comment sent from the form joins the list, kept by the page (respondWith).
const list = document.getElementById('all-comments');
const form = document.getElementById('new-comment');
list.addEventListener('comment-reply', (event) => {
  form.reply(event.comment);
  form.scrollIntoView({ block: 'nearest' });
});
form.addEventListener('comment-submit', (event) => {
  const { name, url, body, parent } = event;
  list.comments = [...(list.comments ?? []), { id: `new-${Date.now()}`, parent, author: name, url, body, date: new Date().toISOString() }];
  event.respondWith(Promise.resolve());
});
