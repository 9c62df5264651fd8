from js_asset import Media


class NonceMediaMixin:
    """For ModelAdmins with the rich-text editor: its inline import map carries the request's
    CSP nonce, so the admin keeps a script policy without 'unsafe-inline'."""

    def render_change_form(self, request, context, *args, **kwargs):
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)
