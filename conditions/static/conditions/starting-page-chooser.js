// Wagtail's multiple page chooser ("Add related conditions") opens at the page tree's
// root; this factory passes its parentId on, so it opens where the server says
// (conditions/choosers.py: the conditions index of the edited page's language).
(() => {
  const PageChooserFactory = window.telepath.constructors['wagtail.widgets.PageChooser'];

  class StartingPageChooserFactory extends PageChooserFactory {
    getModalOptions() {
      const options = super.getModalOptions();
      if (this.opts.parentId) {
        options.parentId = this.opts.parentId;
      }
      return options;
    }
  }

  window.telepath.register('conditions.widgets.StartingPageChooser', StartingPageChooserFactory);
})();
