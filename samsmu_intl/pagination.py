class ForgivingPaginationMixin:
    """For ListViews: a page number past the end shows the last page and one that is not a
    number shows the first, instead of a 404 for a link that was valid yesterday."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
